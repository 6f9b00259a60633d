package dev.anjian.ingest.jt808.message;

import java.util.ArrayList;
import java.util.List;

/** Collects items while a 0x0200 body is read (or a test writes one); {@link #build()} makes the record. */
public final class AdditionalItemsBuilder {

    public Long mileageDeciKm;
    public Integer fuelDeciL;
    public Integer tachographSpeedDeciKmh;
    public Integer manualConfirmEventId;
    public AdditionalItems.OverspeedArea overspeedArea;
    public AdditionalItems.AreaRouteAlarm areaRouteAlarm;
    public AdditionalItems.RouteTimeAlarm routeTimeAlarm;
    public Long extendedSignalBits;
    public Integer ioStatusBits;
    public Long analogAd0Ad1;
    public Integer signalStrength;
    public Integer satelliteCount;
    public Long videoAlarmBits;
    public Long videoLossChannels;
    public Long videoOcclusionChannels;
    public Integer storageFaultBits;
    public AdditionalItems.AbnormalDriving abnormalDriving;
    public final List<ActiveSafetyAlarm> activeSafety = new ArrayList<>();
    public final List<AdditionalItems.RawItem> others = new ArrayList<>();

    AdditionalItemsBuilder() {
    }

    public AdditionalItems build() {
        return new AdditionalItems(mileageDeciKm, fuelDeciL, tachographSpeedDeciKmh, manualConfirmEventId, overspeedArea,
                areaRouteAlarm, routeTimeAlarm, extendedSignalBits, ioStatusBits, analogAd0Ad1, signalStrength,
                satelliteCount, videoAlarmBits, videoLossChannels, videoOcclusionChannels, storageFaultBits,
                abnormalDriving, activeSafety, others);
    }
}
