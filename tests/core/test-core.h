#pragma once

void esc_test_add_parse_tests (void);
void esc_test_add_calendar_tests (void);
void esc_test_add_table_tests (void);
void esc_test_add_table_changes_tests (void);
void esc_test_add_undo_tests (void);
void esc_test_add_validate_tests (void);
void esc_test_add_audit_tests (void);
void esc_test_add_versions_tests (void);
void esc_test_add_display_tests (void);
void esc_test_add_file_tests (void);
