module example.com/svc/v2

go 1.22
