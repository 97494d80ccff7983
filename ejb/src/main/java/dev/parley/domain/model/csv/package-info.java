/** CSV files administrators export and import (RFC 4180, UTF-8), made safe to open in spreadsheets. */
package dev.parley.domain.model.csv;
