#!/bin/sh
echo "stand-in for WSO2 Identity Server 7.0.0 wso2server.sh"
