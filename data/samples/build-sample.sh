#!/bin/sh
# placeholder
: > "$2"
