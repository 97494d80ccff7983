package dev.parley.application;

/** Shows what the running S2S engine is doing. */
public interface FederationStatusService {

    FederationOverview overview();
}
