package dev.exchanger.server.partner;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.PartnersApi;
import dev.exchanger.server.api.model.ApiKeyCreateRequestDto;
import dev.exchanger.server.api.model.ApiKeyModeDto;
import dev.exchanger.server.api.model.ApiKeyResponseDto;
import dev.exchanger.server.api.model.CreatedApiKeyResponseDto;
import dev.exchanger.server.api.model.PartnerCreateRequestDto;
import dev.exchanger.server.api.model.PartnerListResponseDto;
import dev.exchanger.server.api.model.PartnerResponseDto;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The operator's management of partners and their API keys. */
@RestController
public class PartnersController implements PartnersApi {

    private final PartnerService partners;
    private final PartnerMapper mapper;

    public PartnersController(PartnerService partners, PartnerMapper mapper) {
        this.partners = partners;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<PartnerListResponseDto> listPartners() {
        return ResponseEntity.ok(success(new PartnerListResponseDto(), mapper.toDtos(partners.list())));
    }

    @Override
    public ResponseEntity<PartnerResponseDto> createPartner(PartnerCreateRequestDto request) {
        PartnerService.PartnerWithKeys created = partners.create(request.getName().strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(success(new PartnerResponseDto(), mapper.toDto(created)));
    }

    @Override
    public ResponseEntity<PartnerResponseDto> getPartner(String partnerId) {
        return ResponseEntity.ok(success(new PartnerResponseDto(), mapper.toDto(partners.get(partnerId))));
    }

    @Override
    public ResponseEntity<CreatedApiKeyResponseDto> createApiKey(String partnerId, ApiKeyCreateRequestDto request) {
        PartnerService.NewKey created = partners.createKey(partnerId, request.getName().strip(), request.getMode() == ApiKeyModeDto.TEST);
        return ResponseEntity.status(HttpStatus.CREATED).body(success(new CreatedApiKeyResponseDto(), mapper.toDto(created)));
    }

    @Override
    public ResponseEntity<ApiKeyResponseDto> revokeApiKey(String partnerId, String keyId) {
        return ResponseEntity.ok(success(new ApiKeyResponseDto(), mapper.toDto(partners.revokeKey(partnerId, keyId))));
    }
}
