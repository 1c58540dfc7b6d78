//go:build race

package ooxml_test

// raceDetector slows the decompression of the zip bomb tenfold: the time
// bound of TestLimits allows for it.
const raceDetector = true
