package dev.exchanger.server.partner;

import dev.exchanger.server.api.model.ApiKeyDto;
import dev.exchanger.server.api.model.ApiKeyModeDto;
import dev.exchanger.server.api.model.CreatedApiKeyDto;
import dev.exchanger.server.api.model.PartnerDto;
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
    PartnerDto toDto(PartnerService.PartnerWithKeys partner);

    List<PartnerDto> toDtos(List<PartnerService.PartnerWithKeys> partners);

    @Mapping(target = "mode", source = "test")
    ApiKeyDto toDto(PartnerApiKey key);

    @Mapping(target = "id", source = "record.id")
    @Mapping(target = "name", source = "record.name")
    @Mapping(target = "prefix", source = "record.prefix")
    @Mapping(target = "createdAt", source = "record.createdAt")
    @Mapping(target = "mode", source = "record.test")
    @Mapping(target = "key", source = "key")
    CreatedApiKeyDto toDto(PartnerService.NewKey key);

    default ApiKeyModeDto mode(boolean test) {
        return test ? ApiKeyModeDto.TEST : ApiKeyModeDto.LIVE;
    }
}
