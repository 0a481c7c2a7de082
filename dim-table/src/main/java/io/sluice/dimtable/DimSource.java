package io.sluice.dimtable;

import java.io.IOException;
import java.io.Serializable;

/** A place dimension rows are read from, shipped to the task managers and connected there. */
interface DimSource extends Serializable {

    /** Opens one connection; it is used by one thread at a time. */
    DimConnection connect() throws IOException;

    /** Names the source in error messages, without credentials. */
    String describe();
}
