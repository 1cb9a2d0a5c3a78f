// A tiny HTTP service on the standard library only.
// `hello -version` prints the version; `hello -selftest` serves one request to itself and exits.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
)

const version = "1.0.0"

func handler(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello from %s\n", r.URL.Path)
}

func selftest() int {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	go http.Serve(listener, http.HandlerFunc(handler))
	res, err := http.Get("http://" + listener.Addr().String() + "/check")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	body, _ := io.ReadAll(res.Body)
	fmt.Printf("selftest: %d %s", res.StatusCode, body)
	if res.StatusCode != 200 || string(body) != "hello from /check\n" {
		return 1
	}
	return 0
}

func main() {
	showVersion := flag.Bool("version", false, "print the version")
	test := flag.Bool("selftest", false, "serve one request to itself")
	flag.Parse()
	switch {
	case *showVersion:
		fmt.Println("hello", version)
	case *test:
		os.Exit(selftest())
	default:
		http.HandleFunc("/", handler)
		fmt.Fprintln(os.Stderr, http.ListenAndServe(":8080", nil))
		os.Exit(1)
	}
}
