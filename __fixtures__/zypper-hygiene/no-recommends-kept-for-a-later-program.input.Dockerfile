# expect: --no-recommends not added to `zypper install`: a later command runs make
FROM opensuse/leap:15.5
RUN zypper -n in gcc && zypper clean -a
COPY . /src
RUN make -C /src
