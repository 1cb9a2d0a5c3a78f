module example.com/userinfo

go 1.19
