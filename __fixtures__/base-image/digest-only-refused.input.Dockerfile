# expect: pinned by digest only
FROM python@sha256:2b5e9fd8d3b5fce1a6ae3f7e5d6d6a3e9fcd0c8a5bb7e4b6e3c2f6f1d0e9a8b7
CMD ["python"]
