/** The sending side of a load run: message stanzas stamped with their sequence and send time, written over one */
/** authenticated stream as fast as the target reads them or at a fixed pace. */
package dev.parley.bench.load;
