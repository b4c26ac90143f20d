#pragma once

void esc_test_add_project_file_tests (void);
void esc_test_add_xlsx_reader_tests (void);
void esc_test_add_roster_json_tests (void);
void esc_test_add_csv_tests (void);
void esc_test_add_template_import_tests (void);
void esc_test_add_template_export_tests (void);
