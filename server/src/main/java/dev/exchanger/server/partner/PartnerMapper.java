package dev.exchanger.server.partner;

import dev.exchanger.server.api.model.ApiKey;
import dev.exchanger.server.api.model.ApiKeyMode;
import dev.exchanger.server.api.model.CreatedApiKey;
import dev.exchanger.server.support.Decimals;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = Decimals.class)
public interface PartnerMapper {

    @Mapping(target = "id", source = "partner.id")
    @Mapping(target = "name", source = "partner.name")
    @Mapping(target = "createdAt", source = "partner.createdAt")
    @Mapping(target = "keys", source = "keys")
    dev.exchanger.server.api.model.Partner toDto(PartnerService.PartnerWithKeys partner);

    List<dev.exchanger.server.api.model.Partner> toDtos(List<PartnerService.PartnerWithKeys> partners);

    @Mapping(target = "mode", source = "test")
    ApiKey toDto(PartnerApiKey key);

    @Mapping(target = "id", source = "record.id")
    @Mapping(target = "name", source = "record.name")
    @Mapping(target = "prefix", source = "record.prefix")
    @Mapping(target = "createdAt", source = "record.createdAt")
    @Mapping(target = "mode", source = "record.test")
    @Mapping(target = "key", source = "key")
    CreatedApiKey toDto(PartnerService.NewKey key);

    default ApiKeyMode mode(boolean test) {
        return test ? ApiKeyMode.TEST : ApiKeyMode.LIVE;
    }
}
