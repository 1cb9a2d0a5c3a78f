# expect: is named like an archive ADD unpacks
FROM scratch
ADD rootfs.tar.gz /
