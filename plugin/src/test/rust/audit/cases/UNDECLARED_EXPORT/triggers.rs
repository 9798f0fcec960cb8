
extern crate audit_exporting;
