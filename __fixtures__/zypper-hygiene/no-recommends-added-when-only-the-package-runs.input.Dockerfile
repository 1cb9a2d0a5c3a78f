FROM opensuse/leap:15.5
RUN zypper -n in nginx && zypper clean -a
CMD ["nginx", "-g", "daemon off;"]
