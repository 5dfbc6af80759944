package io.hyperstatus.cli;

/** The {@code -f} formats, as python-openstackclient names them. */
public enum OutputFormat {
    table, json, yaml, csv, value
}
