from alpine
run echo hi
cmd ["sh"]
