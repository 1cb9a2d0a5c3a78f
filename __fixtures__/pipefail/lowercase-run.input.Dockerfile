from rockylinux:9
run curl https://example.com/x | sh
