package dev.msgprobe.net;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Wraps the trust manager of one handshake: it keeps the chain the server presented (and the
 * protocol and cipher of the handshake session) before validating, so a rejected chain is still
 * recorded; and it validates in two steps, the path first and the name second, throwing
 * {@link HostnameMismatchException} when only the name fails. Server-side checks are refused.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private volatile List<X509Certificate> chain = List.of();
  private volatile String protocol = "";
  private volatile String cipherSuite = "";

  CapturingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** The chain as presented, leaf first; empty when the server sent none. */
  List<X509Certificate> chain() {
    return chain;
  }

  /** The handshake's protocol as seen while validating, or "" when validation was never reached. */
  String protocol() {
    return protocol;
  }

  String cipherSuite() {
    return cipherSuite;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    capture(chain, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
    pathThenName(chain, authType, () -> delegate.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    capture(chain, engine == null ? null : engine.getHandshakeSession());
    pathThenName(chain, authType, () -> delegate.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    capture(chain, null);
    delegate.checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  /** A full check (path, then name when the connection asks for endpoint identification). */
  private interface FullCheck {
    void run() throws CertificateException;
  }

  /** The path alone first, so that a failure of the full check that follows is the name's. */
  private void pathThenName(X509Certificate[] chain, String authType, FullCheck full) throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
    try {
      full.run();
    } catch (CertificateException e) {
      throw pathProblem(e) ? e : new HostnameMismatchException(e);
    }
  }

  private void capture(X509Certificate[] presented, SSLSession session) {
    chain = presented == null ? List.of() : List.of(presented);
    if (session != null) {
      protocol = session.getProtocol();
      cipherSuite = session.getCipherSuite();
    }
  }

  /** True when the failure comes from path validation (e.g. algorithm constraints), not from the name. */
  private static boolean pathProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException) {
        return true;
      }
    }
    return false;
  }
}
