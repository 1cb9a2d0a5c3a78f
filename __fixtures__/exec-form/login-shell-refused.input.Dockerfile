# expect: does more than run the command
FROM debian:bookworm
SHELL ["/bin/bash", "-lc"]
CMD /opt/app
