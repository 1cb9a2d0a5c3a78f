# expect: cannot tell whether `rootfs` is a tar archive
FROM scratch
ADD rootfs /
