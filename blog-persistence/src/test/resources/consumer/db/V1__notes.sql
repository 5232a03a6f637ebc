-- A program's own migration (for the tests of a program's Flyway beside the library's); valid on both dialects.
CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL);
