echo hello
exec sleep 1
