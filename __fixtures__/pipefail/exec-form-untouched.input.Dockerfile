# expect-none
FROM rockylinux:9
RUN ["sh", "-c", "curl x | sh"]
