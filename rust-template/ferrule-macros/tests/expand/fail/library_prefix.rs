// error: the prefix is the library's name, `library_prefix`, which every export starts with
ferrule_ffi::library!(prefix = "gauge"); // <- here
