import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { CenteredCard } from '../shell/centered-layout';
import { rememberedToken } from './pay-link.api';

/**
 * Where the processor's page sends the payer back: `/pay/return/<link id>`, never the link's token
 * (a processor keeps its return addresses, and a seller's staff can read them there). The token
 * waits in this tab's sessionStorage; the page goes on to `/pay/<token>` with the processor's answer.
 */
export function PayLinkReturnPage() {
  const { t } = useTranslation('payLink');
  const { linkId = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const token = rememberedToken(linkId);
  usePageTitle(t('return.title'));
  useEffect(() => {
    if (token) navigate(`/pay/${token}${search}`, { replace: true });
  }, [token, search, navigate]);
  if (token) return null;
  return <CenteredCard title={t('return.title')} description={t('return.text')} />;
}
