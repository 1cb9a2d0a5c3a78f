# expect: `--keep-git-dir` exists only for ADD
FROM alpine
ADD --keep-git-dir=true https://github.com/moby/buildkit.git /src
