package dev.anjian.events;

public enum Industry {
    COAL_MINE,
    HAZARDOUS_CHEMICALS,
    METALLURGY,
    DUST,
    AMMONIA_REFRIGERATION,
    ROAD_TRANSPORT
}
