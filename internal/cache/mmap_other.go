//go:build !unix

package cache

import "os"

func readPack(name string) ([]byte, error) { return os.ReadFile(name) }
