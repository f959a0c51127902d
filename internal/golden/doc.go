// Package golden compares test output with files in testdata and rewrites
// them when the test binary runs with -update.
//
// Golden files are paired with their inputs by name (NAME.txt with
// NAME.golden.json), never by index, so adding a case cannot shift others.
package golden
