FROM opensuse/leap:15.5
RUN zypper -n in --no-recommends nginx && zypper clean -a
CMD ["nginx", "-g", "daemon off;"]
