package org.lectern.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.lectern.lti.internal.LtiRepository;
import org.lectern.lti.internal.LtiRepository.KeyRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lectern's own RSA keys for LTI: what GET /lti/jwks publishes (public halves only) and what signs our
 * messages (deep-linking responses, client assertions). {@link KeyRotation} decides which key signs.
 */
@Service
public class LtiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final LtiRepository repo;
    private final Clock clock;
    private final LtiSettings settings;
    private final KeyRotation rotation = KeyRotation.DEFAULT;

    LtiKeys(LtiRepository repo, Clock clock, LtiSettings settings) {
        this.repo = repo;
        this.clock = clock;
        this.settings = settings;
    }

    /** Creates a successor and drops retired keys when the rotation says so; returns the current plan. */
    @Transactional
    public KeyRotation.Plan rotate() {
        Instant now = clock.instant();
        KeyRotation.Plan plan = plan(now);
        if (!plan.createNew() && plan.retire().isEmpty()) {
            return plan;
        }
        repo.lockKeys();
        plan = plan(now);
        plan.retire().forEach(repo::deleteKey);
        if (plan.createNew()) {
            create(now);
            plan = plan(now);
        }
        return plan;
    }

    private KeyRotation.Plan plan(Instant now) {
        return rotation.plan(repo.keys().stream().map(k -> new KeyRotation.Key(k.kid(), k.createdAt())).toList(), now);
    }

    /** The public key set. */
    @Transactional
    public JWKSet publicSet() {
        KeyRotation.Plan plan = rotate();
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        for (KeyRow k : repo.keys()) {
            if (plan.published().contains(k.kid())) {
                try {
                    keys.add(RSAKey.parse(k.publicJwk()));
                } catch (ParseException e) {
                    throw new IllegalStateException("stored key " + k.kid() + " is unreadable", e);
                }
            }
        }
        return new JWKSet(keys);
    }

    /** Signs claims with the current signing key (RS256, kid in the header). */
    @Transactional
    public String sign(JWTClaimsSet claims) {
        KeyRotation.Plan plan = rotate();
        KeyRow key = repo.keys().stream().filter(k -> k.kid().equals(plan.signer())).findFirst().orElseThrow();
        try {
            PrivateKey priv = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateBytes(key)));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(priv));
            return jwt.serialize();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("signing with LTI key " + key.kid() + " failed", e);
        }
    }

    private void create(Instant now) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            RSAKey pub = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            boolean encrypt = settings.keySecret() != null && !settings.keySecret().isBlank();
            String stored = encrypt ? encrypt(pkcs8) : Base64.getEncoder().encodeToString(pkcs8);
            repo.insertKey(kid, pub.toPublicJWK().toJSONString(), stored, encrypt, now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make an RSA key", e);
        }
    }

    private byte[] privateBytes(KeyRow key) throws GeneralSecurityException {
        byte[] stored = Base64.getDecoder().decode(key.privateKey());
        if (!key.encrypted()) {
            return stored;
        }
        if (settings.keySecret() == null || settings.keySecret().isBlank()) {
            throw new IllegalStateException("LTI key " + key.kid() + " is encrypted; set LECTERN_LTI_KEY_SECRET");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, aesKey(), new GCMParameterSpec(128, stored, 0, 12));
        return c.doFinal(stored, 12, stored.length - 12);
    }

    private String encrypt(byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, aesKey(), new GCMParameterSpec(128, iv));
        byte[] sealed = c.doFinal(plain);
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(iv, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private SecretKeySpec aesKey() throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.keySecret().getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(digest, "AES");
    }
}
