package dev.exchanger.server.partner;

import dev.exchanger.server.api.PartnersApi;
import dev.exchanger.server.api.model.ApiKeyCreateRequest;
import dev.exchanger.server.api.model.ApiKeyMode;
import dev.exchanger.server.api.model.ApiKeyResponse;
import dev.exchanger.server.api.model.CreatedApiKeyResponse;
import dev.exchanger.server.api.model.PartnerCreateRequest;
import dev.exchanger.server.api.model.PartnerListResponse;
import dev.exchanger.server.api.model.PartnerResponse;
import dev.exchanger.server.web.RequestIds;
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
    public ResponseEntity<PartnerListResponse> listPartners() {
        return ResponseEntity.ok(new PartnerListResponse().success(true).data(mapper.toDtos(partners.list()))
                .requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<PartnerResponse> createPartner(PartnerCreateRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new PartnerResponse().success(true)
                .data(mapper.toDto(partners.create(request.getName().strip()))).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<PartnerResponse> getPartner(String partnerId) {
        return ResponseEntity.ok(new PartnerResponse().success(true).data(mapper.toDto(partners.get(partnerId)))
                .requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<CreatedApiKeyResponse> createApiKey(String partnerId, ApiKeyCreateRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedApiKeyResponse().success(true)
                .data(mapper.toDto(partners.createKey(partnerId, request.getName().strip(), request.getMode() == ApiKeyMode.TEST))).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<ApiKeyResponse> revokeApiKey(String partnerId, String keyId) {
        return ResponseEntity.ok(new ApiKeyResponse().success(true).data(mapper.toDto(partners.revokeKey(partnerId, keyId)))
                .requestId(RequestIds.current()));
    }
}
