#!/bin/sh
# Runs a shell command on a pseudo-terminal COLS wide and ROWS tall, and
# takes out the carriage returns the terminal adds:
#   sh on-terminal.sh COLS ROWS COMMAND
cols=$1 rows=$2 command=$3
if script --version >/dev/null 2>&1; then
  script -qec "stty cols $cols rows $rows; $command" /dev/null
else
  script -q /dev/null sh -c "stty cols $cols rows $rows; $command"
fi | tr -d '\r'
