//go:build !race

package ooxml_test

const raceDetector = false
