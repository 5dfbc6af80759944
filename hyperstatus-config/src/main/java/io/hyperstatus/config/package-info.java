/**
 * The options of every role: their declarations, the values read from the file, and the records that hold them.
 * Nothing here is null unless declared {@code @Nullable}, which NullAway proves when the module compiles. So the
 * records only this package builds, from the file ({@code from(IniOptions)}), check the rules that tie their values
 * together and not each value for null; those other modules build too ({@link PemFile}, {@link ClientTlsOptions},
 * {@link HttpOptions}, {@link MetricsOptions}) still check their arguments.
 */
@NullMarked
package io.hyperstatus.config;

import org.jspecify.annotations.NullMarked;
