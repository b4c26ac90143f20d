#!/usr/bin/env python3
# make-bad.py: writes the hostile-input corpus of tests/data/bad/ (and MANIFEST.tsv).
#
# Every file is small (a few KiB at most): the zip bomb declares its size rather than
# holding it, and the 10^6-row sheet is generated at test time by tests/bad/test-bad-inputs.c.
# Rerun after changing a case: python3 tests/data/bad/make-bad.py (from anywhere). The
# output is deterministic (fixed zip timestamps), so an unchanged run changes no file.
#
# MANIFEST.tsv columns: file, loader (xlsx|template|project|roster|csv), a substring the
# error (or, for projects that load, a validation diagnostic) must contain.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import io
import json
import os
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_XLSX = os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data', 'sample_store_ptbr.xlsx')
SAMPLE_PROJECT = os.path.join(HERE, '..', '..', '..', 'data', 'samples', 'loja-centro.escala')
DATE = (2026, 1, 1, 0, 0, 0)
LOADS = '(loads)'  # odd but acceptable: the loader must accept it
manifest = []


def put(name, data, loader, expected):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)
    manifest.append((name, loader, expected))


def zip_bytes(parts, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = method
            z.writestr(info, data)
    return out.getvalue()


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/'
      'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
      '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def workbook_parts(sheets, shared=None, styles=None, workbook=None, rels=None):
    """sheets: list of (name, sheet XML). A minimal, valid workbook around them."""
    wb = workbook or ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">'
                      '<sheets>%s</sheets></workbook>' % (NS, RNS, ''.join(
                          '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
                          for i, (n, _) in enumerate(sheets))))
    wrels = rels or ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                     'openxmlformats.org/package/2006/relationships">%s</Relationships>' % ''.join(
                         '<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/'
                         'sheet%d.xml"/>' % (i + 1, RNS, i + 1) for i in range(len(sheets))))
    parts = [('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('xl/workbook.xml', wb),
             ('xl/_rels/workbook.xml.rels', wrels)]
    for i, (_, xml) in enumerate(sheets):
        parts.append(('xl/worksheets/sheet%d.xml' % (i + 1), xml))
    if shared is not None:
        parts.append(('xl/sharedStrings.xml', shared))
    if styles is not None:
        parts.append(('xl/styles.xml', styles))
    return parts


def sheet(rows_xml, prolog='<?xml version="1.0" encoding="UTF-8"?>'):
    return '%s<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (prolog, NS, rows_xml)


def xlsx(sheet_xml, **kw):
    return zip_bytes(workbook_parts([('Sheet1', sheet_xml)], **kw))


GOOD_SHEET = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>hello</t></is></c>'
                   '<c r="B1"><v>42</v></c></row>')


def patch_declared_size(data, part, size):
    """Rewrites the uncompressed size of @part in the local and central headers."""
    name = part.encode()
    out = bytearray(data)
    i = out.find(b'PK\x03\x04')
    while i >= 0:
        n = struct.unpack_from('<H', out, i + 26)[0]
        if out[i + 30:i + 30 + n] == name:
            struct.pack_into('<I', out, i + 22, size)
        i = out.find(b'PK\x03\x04', i + 4)
    i = out.find(b'PK\x01\x02')
    while i >= 0:
        n = struct.unpack_from('<H', out, i + 28)[0]
        if out[i + 46:i + 46 + n] == name:
            struct.pack_into('<I', out, i + 24, size)
        i = out.find(b'PK\x01\x02', i + 4)
    return bytes(out)


def patch_method(data, part, method, flags=None):
    name = part.encode()
    out = bytearray(data)
    for sig, name_len_at, method_at, flag_at, name_at in ((b'PK\x03\x04', 26, 8, 6, 30),
                                                          (b'PK\x01\x02', 28, 10, 8, 46)):
        i = out.find(sig)
        while i >= 0:
            n = struct.unpack_from('<H', out, i + name_len_at)[0]
            if out[i + name_at:i + name_at + n] == name:
                struct.pack_into('<H', out, i + method_at, method)
                if flags is not None:
                    struct.pack_into('<H', out, i + flag_at, flags)
            i = out.find(sig, i + 4)
    return bytes(out)


def png():
    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(b'\x00\xff\x00\x00')) + chunk(b'IEND', b''))


def sample_xlsx_mutated(part, old, new):
    with zipfile.ZipFile(SAMPLE_XLSX) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    done = False
    out = []
    for name, data in parts:
        if name == part:
            old_b = old if isinstance(old, bytes) else old.encode()
            new_b = new if isinstance(new, bytes) else new.encode()
            assert old_b in data, (part, old)
            data = data.replace(old_b, new_b, 1)
            done = True
        out.append((name, data))
    assert done, part
    return zip_bytes(out)


def sample_xlsx_without(sheet_name):
    """The sample without one sheet (its <sheet> entry removed from the workbook)."""
    import re
    with zipfile.ZipFile(SAMPLE_XLSX) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in parts:
        if name == 'xl/workbook.xml':
            data = re.sub(rb'<sheet [^>]*name="%s"[^>]*/>' % sheet_name.encode(), b'', data)
        out.append((name, data))
    return zip_bytes(out)


def xlsx_cases():
    good = xlsx(GOOD_SHEET)
    put('empty.xlsx', b'', 'xlsx', 'is not an XLSX workbook')
    put('png-renamed.xlsx', png(), 'xlsx', 'is not an XLSX workbook')
    put('text-renamed.xlsx', 'id,name\n1,Ana\n', 'xlsx', 'is not an XLSX workbook')
    put('truncated-half.xlsx', good[:len(good) // 2], 'xlsx', 'is not an XLSX workbook')
    put('truncated-tail.xlsx', good[:-10], 'xlsx', 'is not an XLSX workbook')
    put('zip-bomb-declared.xlsx',
        patch_declared_size(xlsx(sheet('<row r="1"><c r="A1"><v>1</v></c></row>' + ' ' * 4000)),
                            'xl/worksheets/sheet1.xml', 0xF0000000), 'xlsx', 'too large')
    # Declares 200 bytes, inflates to 4 MiB of rows: the reader must stop at the declared
    # size (or refuse), not trust the stream.
    rows = '<row><c><v>1</v></c></row>' * 160000
    put('zip-bomb-lying.xlsx', patch_declared_size(xlsx(sheet(rows)), 'xl/worksheets/sheet1.xml', 200),
        'xlsx', 'not well-formed XML')
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
              ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%s;' % ('' if i == 1 else i - 1)) * 10)
                      for i in range(1, 10)) + ']>')
    put('billion-laughs-sheet.xlsx',
        xlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', prolog=laughs)),
        'xlsx', 'entity reference loop')
    put('billion-laughs-shared.xlsx',
        xlsx(GOOD_SHEET, shared=laughs + '<sst xmlns="%s"><si><t>&lol9;</t></si></sst>' % NS),
        'xlsx', 'sharedStrings.xml is not well-formed XML')
    put('xxe-workbook.xlsx', zip_bytes(workbook_parts(
        [('Sheet1', GOOD_SHEET)],
        workbook='<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                 '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="&x;" sheetId="1" '
                 'r:id="rId1"/></sheets></workbook>' % (NS, RNS))), 'xlsx', 'external entity')
    put('dtd-sheet.xlsx', xlsx(sheet('<row r="1"><c r="A1"><v>1</v></c></row>',
                                     prolog='<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM '
                                            '"http://example.invalid/x.dtd">')), 'xlsx', 'document type declaration')
    put('no-workbook-part.xlsx', zip_bytes([('[Content_Types].xml', CT), ('_rels/.rels', RELS)]),
        'xlsx', 'no workbook part')
    put('workbook-malformed.xml.xlsx', zip_bytes(workbook_parts(
        [('Sheet1', GOOD_SHEET)], workbook='<workbook><sheets><sheet name="a"')), 'xlsx', 'workbook.xml is not well-formed')
    put('sheet-rel-dangling.xlsx', zip_bytes(workbook_parts(
        [('Sheet1', GOOD_SHEET)],
        rels='<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships"></Relationships>')), 'xlsx', 'contents of sheet “Sheet1” are missing')
    put('sheet-part-missing.xlsx', zip_bytes(workbook_parts([('Sheet1', GOOD_SHEET)])[:-1]),
        'xlsx', 'contents of sheet “Sheet1” are missing')
    put('sheet-malformed.xlsx', xlsx('<worksheet><sheetData><row r="1"><c r="A1"><v>1</c>'),
        'xlsx', 'tag mismatch')
    put('shared-index-out-of-range.xlsx',
        xlsx(sheet('<row r="1"><c r="A1" t="s"><v>999</v></c></row>'),
             shared='<sst xmlns="%s" count="1" uniqueCount="1"><si><t>a</t></si></sst>' % NS),
        'xlsx', 'Sheet1!A1: the shared string “999” does not exist')
    put('shared-index-huge.xlsx',
        xlsx(sheet('<row r="1"><c r="A1" t="s"><v>1e300</v></c></row>'),
             shared='<sst xmlns="%s"><si><t>a</t></si></sst>' % NS), 'xlsx', 'shared string “1e300” does not exist')
    put('shared-count-2e63.xlsx',
        xlsx(GOOD_SHEET, shared='<sst xmlns="%s" count="9223372036854775807" '
                                'uniqueCount="9223372036854775807"><si><t>a</t></si></sst>' % NS),
        'xlsx', LOADS)
    put('cell-ref-absurd.xlsx', xlsx(sheet('<row r="1"><c r="ZZZZZZ99999999999"><v>1</v></c></row>')),
        'xlsx', 'cell reference “ZZZZZZ99999999999” is not valid')
    put('row-number-zero.xlsx', xlsx(sheet('<row r="0"><c r="A0"><v>1</v></c></row>')), 'xlsx', '“0” is not a valid row number')
    put('row-number-2e32.xlsx', xlsx(sheet('<row r="4294967297"><c><v>1</v></c></row>')), 'xlsx', '“4294967297” is not a valid row number')
    put('column-beyond-xfd.xlsx', xlsx(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')), 'xlsx', 'cell reference “XFE1” is not valid')
    put('deep-xml-nesting.xlsx', xlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is>' + '<r>' * 20000 +
                                            '</r>' * 20000 + '</is></c></row>')), 'xlsx', 'Excessive depth')
    put('non-utf8-sheet.xlsx', xlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>'
                                          ).encode() + b'Jo\xe3o\xff' + b'</t></is></c></row></sheetData></worksheet>'),
        'xlsx', 'sheet1.xml is not well-formed XML')
    put('number-not-a-number.xlsx', xlsx(sheet('<row r="1"><c r="A1"><v>twelve</v></c><c r="B1"><v>1e999</v></c></row>')),
        'xlsx', 'Sheet1!A1: “twelve” is not a number')
    put('date-garbage.xlsx', xlsx(sheet('<row r="1"><c r="A1" t="d"><v>2026-99-99T99:99</v></c></row>')),
        'xlsx', 'is not a date that Excel can show')
    put('styles-huge-ids.xlsx', xlsx(sheet('<row r="1"><c r="A1" s="4294967295"><v>1</v></c></row>'),
                                     styles='<styleSheet xmlns="%s"><numFmts count="99999999999"><numFmt '
                                            'numFmtId="4294967296" formatCode="yyyy"/></numFmts><cellXfs '
                                            'count="4294967295"><xf numFmtId="99999999999"/></cellXfs>'
                                            '</styleSheet>' % NS), 'xlsx', LOADS)
    put('zip-unknown-method.xlsx', patch_method(good, 'xl/worksheets/sheet1.xml', 99), 'xlsx', 'cannot be decompressed')
    put('zip-encrypted-flag.xlsx', patch_method(good, 'xl/workbook.xml', 8, flags=1), 'xlsx', LOADS)
    put('ole-encrypted.xlsx', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\x00' * 504, 'xlsx', 'password-protected')
    # A member whose local header is damaged (the central directory is fine): libgsf
    # 1.14.50 logs a critical (g_date_time_unref (NULL)) and fails the lookup.
    i = good.find(b'PK\x03\x04xl/worksheets/sheet1.xml'[:4], good.find(b'xl/worksheets/sheet1.xml') - 30)
    put('zip-bad-local-header.xlsx', good[:i] + b'PK\x07\x07' + good[i + 4:], 'xlsx',
        'contents of sheet “Sheet1” are missing')
    put('duplicate-sheet-names.xlsx', zip_bytes(workbook_parts([('Dup', GOOD_SHEET), ('dup', GOOD_SHEET)])),
        'xlsx', LOADS)


def template_cases():
    put('template-png.xlsx', png(), 'template', 'is not an XLSX workbook')
    put('template-no-sheets.xlsx', xlsx(GOOD_SHEET), 'template', 'the workbook has no sheet “Location”')
    put('template-no-employee.xlsx', sample_xlsx_without('Employee'), 'template', 'the workbook has no sheet “Employee”')
    put('template-hours-1e308.xlsx',
        sample_xlsx_mutated('xl/worksheets/sheet5.xml', '<v>44</v>', '<v>1e308</v>'), 'template', 'Employee!D2: expected hours')
    put('template-hours-text.xlsx',
        sample_xlsx_mutated('xl/worksheets/sheet5.xml', '<c r="D2" t="n"><v>44</v>',
                            '<c r="D2" t="inlineStr"><is><t>quarenta</t></is>'), 'template', 'found “quarenta”')
    put('template-unknown-role.xlsx',
        sample_xlsx_mutated('xl/worksheets/sheet5.xml', '<t>GERENTE</t>', '<t>PRESIDENTE</t>'),
        'template', 'Employee!B2: unknown role “PRESIDENTE”')
    put('template-non-utf8.xlsx',
        sample_xlsx_mutated('xl/worksheets/sheet5.xml', b'<t>E001</t>', b'<t>E\xff01</t>'),
        'template', 'sheet5.xml is not well-formed XML')


def project(tables=None, **header):
    doc = {'format': 'escala-project', 'version': 1, 'generator': 'make-bad.py'}
    doc.update(header)
    if tables is not None:
        doc['tables'] = tables
    return json.dumps(doc, indent=1, ensure_ascii=False) + '\n'


def sample_project():
    with open(SAMPLE_PROJECT, encoding='utf-8') as f:
        return json.load(f)


def project_cases():
    put('empty.escala', b'', 'project', 'empty')
    put('not-json.escala', 'this is not JSON {', 'project', 'it is not JSON (line 1')
    put('array-root.escala', '[1, 2, 3]', 'project', 'expected a JSON object at the top')
    put('no-format.escala', '{"version": 1, "tables": {}}', 'project', 'it has no “format” member')
    put('wrong-format.escala', '{"format": "escala-roster", "version": 1}', 'project', 'its format is “escala-roster”')
    put('future-version.escala', project({}, version=99), 'project', 'saved by a newer version of Escala (file format 99)')
    put('version-huge.escala', project({}, version=1e300), 'project', 'its version is “1e+300”')
    put('version-string.escala', project({}, version='one'), 'project', 'its version is “one”')
    put('tables-not-object.escala', project([1, 2]), 'project', '“tables” must be an object')
    put('table-not-list.escala', project({'employee': {'id': 'E1'}}), 'project', 'table “employee” must be a list of rows')
    put('row-not-object.escala', project({'employee': ['E1']}), 'project', 'row 1: expected an object')
    put('cell-object.escala', project({'employee': [{'id': {'nested': 1}}]}), 'project', 'column “id”: expected text, a number or yes/no, found an object')
    put('deep-nesting.escala', '{"format":"escala-project","version":1,"tables":' + '[' * 20000 +
        ']' * 20000 + '}', 'project', 'nested more than 64 levels deep')
    put('non-utf8.escala', b'{"format":"escala-project","version":1,"tables":{"employee":'
                           b'[{"id":"E1","name":"Jo\xe3o"}]}}', 'project', 'it is not UTF-8 text')
    put('nul-byte.escala', b'{"format":"escala-project",\x00"version":1}', 'project', 'it is not UTF-8 text')
    put('number-1e999.escala', project({'employee': [{'id': 'E1', 'weekly_hours': 1}]}).replace(
        '"weekly_hours": 1', '"weekly_hours": 1e999'), 'project', 'found “inf”')
    put('utf16.escala', project({}).encode('utf-16'), 'project', 'it is not UTF-8 text')
    put('unterminated-string.escala', '{"format":"escala-project","version":1,"generator":"abc',
        'project', 'unterminated string')
    # Validation-level problems: the file loads, esc_validate_project() names the problem.
    d = sample_project()
    d['tables']['store'][0]['location'] = 'LOC99'
    put('dangling-location.escala', json.dumps(d, ensure_ascii=False), 'project', 'unknown location “LOC99”')
    d = sample_project()
    d['tables']['pattern'][0]['mon'] = 'NOITE'
    put('pattern-unknown-shift.escala', json.dumps(d, ensure_ascii=False), 'project', 'unknown shift “NOITE”')
    d = sample_project()
    d['tables']['employee'][0]['weekly_hours'] = 1e308
    put('weekly-hours-1e308.escala', json.dumps(d, ensure_ascii=False), 'project', 'found “1e+308”')
    d = sample_project()
    for p in d['tables']['parameter']:
        if p['key'] == 'max_horizon':
            p['value'] = '1000000000'
    put('horizon-1e9.escala', json.dumps(d, ensure_ascii=False), 'project', 'expected a whole number from 1 to 366, found “1000000000”')
    d = sample_project()
    d['tables']['demand'][0]['quantity'] = 9223372036854775808
    put('quantity-2e63.escala', json.dumps(d, ensure_ascii=False), 'project', 'expected a whole number from 0 to 100000')
    d = sample_project()
    d['tables']['employee'][1]['id'] = d['tables']['employee'][0]['id']
    put('duplicate-id.escala', json.dumps(d, ensure_ascii=False), 'project', 'duplicate employee “%s”' % d['tables']['employee'][0]['id'])
    d = sample_project()
    d['tables']['employee'][0]['role'] = 'NINGUEM'
    put('unknown-role.escala', json.dumps(d, ensure_ascii=False), 'project', 'unknown role “NINGUEM”')
    d = sample_project()
    d['tables']['employee'][0]['leave'] = '31/12/2026 - 01/01/2026'
    put('leave-backwards.escala', json.dumps(d, ensure_ascii=False), 'project', 'expected leave that ends after it starts')


def roster():
    with open(os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data', 'roster_small.json')) as f:
        return json.load(f)


def roster_cases():
    put('empty.json', b'', 'roster', 'expected a roster object')
    put('roster-not-json.json', '{"num_days": ', 'roster', 'not valid JSON')
    put('roster-array.json', '[]', 'roster', 'expected a roster object')
    r = roster(); del r['num_days']
    put('roster-no-days.json', json.dumps(r), 'roster', 'the key “num_days” is missing')
    r = roster(); r['num_days'] = 1000000000
    put('roster-days-1e9.json', json.dumps(r), 'roster', 'expected at most 366')
    r = roster(); r['num_days'] = -1
    put('roster-days-negative.json', json.dumps(r), 'roster', 'num_days: expected a whole number of 1 or more, found -1')
    r = roster(); r['num_days'] = '7'
    put('roster-days-string.json', json.dumps(r), 'roster', 'num_days: expected a whole number, found the text “7”')
    r = roster(); r['resources'] = 'ana'
    put('roster-resources-string.json', json.dumps(r), 'roster', 'resources: expected a list [ ... ], found the text “ana”')
    r = roster(); r['shifts_hours'] = r['shifts_hours'][:-1]
    put('roster-hours-short.json', json.dumps(r), 'roster', 'shifts_hours: expected 4 numbers')
    r = roster(); r['shifts_hours'][0] = 1e308
    put('roster-hours-1e308.json', json.dumps(r), 'roster', 'shifts_hours[0]: expected a number up to 24')
    r = roster(); k = next(iter(r['required_resources'])); r['required_resources'][k][0] = 9223372036854775808
    put('roster-quantity-2e63.json', json.dumps(r), 'roster', 'expected a whole number of 0 or more')
    r = roster(); r['required_resources']['Nigth'] = [1] * r['num_days']
    put('roster-unknown-shift.json', json.dumps(r), 'roster', 'unknown shift “Nigth”')
    r = roster(); r['banned_shifts'] = [{'resource': r['resources'][0], 'shift': r['shifts'][0], 'day': 1000000000}]
    put('roster-ban-day-1e9.json', json.dumps(r), 'roster', 'banned_shifts[0].day: expected a whole number from 0 to 6')
    r = roster(); r['non_sequential_shifts'] = [{'origin': 'Ghost', 'destination': r['shifts'][0]}]
    put('roster-sequence-dangling.json', json.dumps(r), 'roster', 'non_sequential_shifts[0].origin: unknown shift “Ghost”')
    put('roster-deep.json', '{"num_days":' + '[' * 20000 + ']' * 20000 + '}', 'roster', 'nested more than 64 levels deep')
    r = roster()
    put('roster-non-utf8.json', json.dumps(r).replace(r['resources'][0], 'Jo\udcffo', 1).encode('utf-8', 'surrogateescape'),
        'roster', 'JSON data must be UTF-8 encoded')


def csv_cases():
    put('empty.csv', b'', 'csv', LOADS)
    put('unterminated-quote.csv', 'id,name\n1,"Ana\n2,Bob\n', 'csv', 'line 2: a quoted field is not closed')
    put('nul-bytes.csv', b'id,name\n1,A\x00na\n', 'csv', 'it holds NUL bytes')
    put('too-many-fields.csv', ',' * 20000 + '\n', 'csv', 'more than 16384 fields in one record')
    put('non-utf8.csv', b'id;nome\n1;Jo\xe3o\n2;\x80\x81\x8d\x8f\x90\x9d\n', 'csv', 'neither UTF-8 nor Windows-1252')
    put('binary.csv', bytes(range(1, 256)) * 4, 'csv', 'neither UTF-8 nor Windows-1252')
    put('quote-in-unquoted.csv', 'id,name\n1,An"a\n', 'csv', LOADS)


def main():
    for name in os.listdir(HERE):
        if name not in ('make-bad.py', 'MANIFEST.tsv') and not name.startswith('.'):
            os.unlink(os.path.join(HERE, name))
    xlsx_cases()
    template_cases()
    project_cases()
    roster_cases()
    csv_cases()
    with open(os.path.join(HERE, 'MANIFEST.tsv'), 'w', encoding='utf-8') as f:
        f.write('# file\tloader\texpected error substring (generated by make-bad.py)\n')
        for row in manifest:
            f.write('\t'.join(row) + '\n')
    print('%d files' % len(manifest), file=sys.stderr)


if __name__ == '__main__':
    main()
