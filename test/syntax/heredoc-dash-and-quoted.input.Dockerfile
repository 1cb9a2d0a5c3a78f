FROM alpine:3.20
RUN <<-EOT sh
	echo tab-stripped
	EOT
RUN <<"EOF" sh
echo "$HOME stays literal"
EOF
RUN <<'EOF' sh
echo '$HOME'
EOF
RUN echo a
RUN echo b
