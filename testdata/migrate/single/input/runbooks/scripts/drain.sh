#!/bin/sh
echo draining
