"""What the tests share: the language table and page lists, the project and its copies,
the local server, the browser, the record and the quality tools. Fixtures are in
tests/conftest.py; no test imports another test module."""
