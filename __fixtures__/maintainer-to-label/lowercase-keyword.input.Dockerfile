from alpine
maintainer jane@example.com
