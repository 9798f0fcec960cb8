
extern crate audit_dup;
