#!/usr/bin/env python3
# make-sample.py: builds data/samples/loja-centro.escala from the sample workbook.
#
# Usage: build-aux/make-sample.py [WORKBOOK.xlsx] [OUTPUT.escala]
# Defaults: ../shared/data/sample_store_ptbr.xlsx and data/samples/loja-centro.escala
# (relative to the source tree). Uses only the standard library (zipfile + ElementTree).
#
# The workbook follows the Excel template (sheets Location, Store, Role, Shift,
# Employee, Demand, Holiday, PreviousAllocation, Parameters; Portuguese headings). The
# output is written exactly as Escala saves it (json-glib's pretty printer: two spaces,
# "key" : value, tables and columns in the order of src/core/esc-schema.c, which this
# script reads, empty cells left out), so loading
# and saving the sample does not change a byte except the "generator" line.
#
# What the workbook does not hold is added here: employee names, store and role
# names and holiday names.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def read_schema(path):
    """[(table key, [column keys])] in schema order, read from src/core/esc-schema.c."""
    with open(path, encoding='utf-8') as f:
        source = f.read()
    arrays = {}
    for m in re.finditer(r'static const EscColumn (\w+)\[\] = \{(.*?)\n\};', source, re.S):
        arrays[m.group(1)] = re.findall(r'COL \("(\w+)"', m.group(2))
    tables = []
    for m in re.finditer(r'^\s*TABLE \((ESC_TABLE_\w+), "(\w+)",.*?, (\w+)\),\s*$', source, re.M):
        tables.append((m.group(2), arrays[m.group(3)]))
    if not tables:
        sys.exit('make-sample.py: no tables found in %s' % path)
    return tables


EMPLOYEE_NAMES = {
    'E001': 'Ana Souza', 'E002': 'Bruno Oliveira', 'E003': 'Carla Santos',
    'E004': 'Diego Pereira', 'E005': 'Eduarda Lima', 'E006': 'Felipe Carvalho',
    'E007': 'Gabriela Rodrigues', 'E008': 'Henrique Almeida', 'E009': 'Isabela Ferreira',
    'E010': 'João Ribeiro', 'E011': 'Karina Gomes', 'E012': 'Lucas Martins',
    'E013': 'Mariana Costa', 'E014': 'Natália Araújo', 'E015': 'Otávio Barbosa',
    'E016': 'Patrícia Rocha', 'E017': 'Rafael Dias', 'E018': 'Sabrina Teixeira',
}
STORE_NAMES = {'LJ01': 'Loja Centro', 'LJ02': 'Loja Campinas'}
ROLE_NAMES = {'CAIXA': 'Operador de caixa', 'REPOSITOR': 'Repositor', 'GERENTE': 'Gerente'}
HOLIDAY_NAMES = {
    '2026-12-25': 'Natal',
    '2027-01-01': 'Confraternização Universal',
    '2026-12-08': 'Nossa Senhora da Conceição',
}
WEEKDAYS_PT = {'seg': 'mon', 'ter': 'tue', 'qua': 'wed', 'qui': 'thu', 'sex': 'fri',
               'sab': 'sat', 'sáb': 'sat', 'dom': 'sun'}
WEEKDAYS = ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')


def read_workbook(path):
    """Returns {sheet name: [[(type, text) or None, ...] per row]}, header row included."""
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels}
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('{%s}si' % NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS)))
    sheets = {}
    for sheet in wb.find('{%s}sheets' % NS):
        target = targets[sheet.get('{%s}id' % RNS)]
        part = target.lstrip('/') if target.startswith('/') else 'xl/' + target
        root = ET.fromstring(z.read(part))
        rows = []
        for row in root.iter('{%s}row' % NS):
            cells = {}
            for c in row.findall('{%s}c' % NS):
                ref = c.get('r')
                col = 0
                for ch in ref:
                    if ch.isalpha():
                        col = col * 26 + ord(ch.upper()) - ord('A') + 1
                t = c.get('t', 'n')
                if t == 'inlineStr':
                    value = ('s', ''.join(x.text or '' for x in c.iter('{%s}t' % NS)))
                else:
                    v = c.find('{%s}v' % NS)
                    text = v.text if v is not None and v.text is not None else ''
                    if t == 's':
                        value = ('s', shared[int(text)])
                    elif t in ('str', 'e'):
                        value = ('s', text)
                    elif t == 'b':
                        value = ('b', text)
                    else:
                        value = ('n', text)
                cells[col] = value
            width = max(cells) if cells else 0
            rows.append([cells.get(i) for i in range(1, width + 1)])
        sheets[sheet.get('name')] = rows
    return sheets


def text(cell):
    """The canonical text of a cell: numbers without '.0', strings trimmed."""
    if cell is None:
        return ''
    kind, value = cell
    if kind == 'n':
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    if kind == 'b':
        return 'yes' if value in ('1', 'true', 'TRUE') else 'no'
    return value.strip()


def date(cell):
    """A date cell (Excel serial, 1900 system) or date text as YYYY-MM-DD."""
    if cell is not None and cell[0] == 'n':
        day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(cell[1])))
        return day.isoformat()
    return text(cell)


def window(cell):
    """'14:00 – 22:00' -> '14:00 - 22:00'."""
    value = text(cell).replace('\u2013', '-').replace('\u2014', '-')
    if not value:
        return ''
    start, end = (part.strip() for part in value.split('-'))
    return '%s - %s' % (start, end)


def yes_no(cell):
    value = text(cell).lower()
    return {'sim': 'yes', 's': 'yes', 'não': 'no', 'nao': 'no', 'n': 'no'}.get(value, value)


def col(row, i):
    return row[i] if i < len(row) else None


def body(sheets, name):
    return [r for r in sheets[name][1:] if any(c is not None for c in r)]


def build(sheets, schema):
    tables = {key: [] for key, _ in schema}
    for r in body(sheets, 'Location'):
        tables['location'].append({'id': text(col(r, 0)), 'city': text(col(r, 1)),
                                   'state': text(col(r, 2)), 'country': text(col(r, 3))})
    for r in body(sheets, 'Store'):
        sid = text(col(r, 0))
        tables['store'].append({'id': sid, 'location': text(col(r, 1)),
                                'name': STORE_NAMES.get(sid, '')})
    for r in body(sheets, 'Role'):
        rid = text(col(r, 0))
        tables['role'].append({'id': rid, 'name': ROLE_NAMES.get(rid, '')})
    for r in body(sheets, 'Shift'):
        row = {'id': text(col(r, 0))}
        for i, day in enumerate(WEEKDAYS):
            row[day] = window(col(r, i + 1))
        tables['pattern'].append(row)
    for r in body(sheets, 'Employee'):
        eid = text(col(r, 0))
        rest = text(col(r, 6)).lower()
        tables['employee'].append({
            'id': eid,
            'name': EMPLOYEE_NAMES.get(eid, ''),
            'role': text(col(r, 1)),
            'store': text(col(r, 2)),
            'weekly_hours': text(col(r, 3)),
            'max_consecutive_days': text(col(r, 4)),
            'max_consecutive_sundays': text(col(r, 5)),
            'preferred_rest': WEEKDAYS_PT.get(rest, rest),
            'holiday_compensation_deadline': text(col(r, 7)),
            'leave': text(col(r, 8)),
            'patterns': ', '.join(p.strip() for p in text(col(r, 9)).split(',') if p.strip()),
        })
    for r in body(sheets, 'Demand'):
        day = col(r, 2)
        tables['demand'].append({
            'store': text(col(r, 0)), 'role': text(col(r, 1)),
            'day': date(day) if day is not None and day[0] == 'n' else text(day).lower(),
            'start': text(col(r, 3)), 'end': text(col(r, 4)), 'quantity': text(col(r, 5)),
        })
    for r in body(sheets, 'Holiday'):
        day = date(col(r, 0))
        tables['holiday'].append({'date': day, 'name': HOLIDAY_NAMES.get(day, ''),
                                  'national': yes_no(col(r, 1)), 'region': text(col(r, 2))})
    for r in body(sheets, 'PreviousAllocation'):
        tables['previous_allocation'].append({'employee': text(col(r, 0)),
                                              'date': date(col(r, 1)),
                                              'hours': text(col(r, 2))})
    for r in sheets['Parameters']:
        if col(r, 0) is None:
            continue
        tables['parameter'].append({'key': text(col(r, 0)), 'value': text(col(r, 1))})
    return tables


def dump(tables, schema, generator):
    # json-glib's pretty printer: 2 spaces, "key" : value, [] for an empty array.
    ordered = {}
    for key, columns in schema:
        rows = []
        for row in tables[key]:
            out = {c: row[c] for c in columns if row.get(c)}
            rows.append(out if out else {columns[0]: ''})
        ordered[key] = rows
    document = {'format': 'escala-project', 'version': 1, 'generator': generator,
                'tables': ordered}
    return json.dumps(document, ensure_ascii=False, indent=2, separators=(',', ' : ')) + '\n'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    srcdir = os.path.dirname(here)
    workbook = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        srcdir, '..', 'shared', 'data', 'sample_store_ptbr.xlsx')
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        srcdir, 'data', 'samples', 'loja-centro.escala')
    version = '0.1.0'
    with open(os.path.join(srcdir, 'meson.build'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith("version:"):
                version = line.split("'")[1]
                break
    schema = read_schema(os.path.join(srcdir, 'src', 'core', 'esc-schema.c'))
    data = dump(build(read_workbook(workbook), schema), schema, 'Escala ' + version)
    with open(output, 'w', encoding='utf-8', newline='\n') as f:
        f.write(data)
    counts = ', '.join('%s %d' % (k, len(v)) for k, v in json.loads(data)['tables'].items() if v)
    print('wrote %s: %s' % (output, counts))


if __name__ == '__main__':
    main()
