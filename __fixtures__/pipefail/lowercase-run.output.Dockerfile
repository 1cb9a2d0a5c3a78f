from rockylinux:9
run set -o pipefail && curl https://example.com/x | sh
