// Command claimtrail finds who said what in Arabic and English news, and
// how that changes across versions of a story and across outlets.
//
// This package only wires: it parses the command line, loads the
// configuration (package config) and hands plain values to the packages
// that do the work. Each command lives in its own file as newXxxCmd, an
// options struct and runXxx writing to an io.Writer, so a command can be
// tested without a terminal, and errors become exit codes in one place
// (run): 0 success, 1 failure, 2 usage.
package main
