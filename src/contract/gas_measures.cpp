#include "contract/gas_measures.h"

#include <fmt/core.h>

#include <string>

#include "gas/procedure.h"

namespace hh {

Status RegisterGasMeasures(MeasureRegistry& registry, GasMeasures& gas) {
  GasMeasures* g = &gas;
  struct TrackLabel {
    Track track;
    const char* nl;
    const char* fr;
  };
  const TrackLabel tracks[] = {
      {Track::kOverlast, "GAS-dossiers overlast", "Dossiers SAC nuisances"},
      {Track::kParkeren, "GAS-dossiers parkeren", "Dossiers SAC stationnement"},
      {Track::kAutoluw, "GAS-dossiers autoluwe zone (camera)", "Dossiers SAC zone à faible trafic"},
  };
  for (const TrackLabel& t : tracks) {
    const Track track = t.track;
    Status s =
        registry.Register({fmt::format("gas.cases.{}", TrackName(track)), t.nl, t.fr},
                          [g, track](Period p) { return g->CasesOfTrack(track, p.from, p.to); });
    if (!s.ok()) return s;
  }
  Status s =
      registry.Register({"gas.cases.all", "GAS-dossiers (alle)", "Dossiers SAC (tous)"},
                        [g](Period p) -> Result<int64_t> {
                          int64_t sum = 0;
                          for (Track t : {Track::kOverlast, Track::kParkeren, Track::kAutoluw}) {
                            auto n = g->CasesOfTrack(t, p.from, p.to);
                            if (!n.ok()) return n.status();
                            sum += *n;
                          }
                          return sum;
                        });
  if (!s.ok()) return s;
  for (int i = 0; i < kCaseStateCount; ++i) {
    const auto state = static_cast<CaseState>(i);
    s = registry.Register({fmt::format("gas.cases.state.{}", CaseStateName(state)),
                           fmt::format("GAS-dossiers in toestand \"{}\"", CaseStateLabelNl(state)),
                           fmt::format("Dossiers SAC dans l'état « {} »", CaseStateName(state))},
                          [g, state](Period p) { return g->CasesInState(state, p.from, p.to); });
    if (!s.ok()) return s;
  }
  s = registry.Register({"gas.letters_sent", "Verstuurde GAS-brieven", "Lettres SAC envoyées"},
                        [g](Period p) { return g->LettersSent(p.from, p.to); });
  if (!s.ok()) return s;
  s = registry.Register({"gas.payments_received", "Ontvangen betalingen", "Paiements reçus"},
                        [g](Period p) -> Result<int64_t> {
                          auto r = g->PaymentsReceived(p.from, p.to);
                          if (!r.ok()) return r.status();
                          return r->count;
                        });
  if (!s.ok()) return s;
  s = registry.Register(
      {"gas.payments_received_eur", "Ontvangen bedrag (euro)", "Montant reçu (euros)"},
      [g](Period p) -> Result<int64_t> {
        auto r = g->PaymentsReceived(p.from, p.to);
        if (!r.ok()) return r.status();
        return r->total.cents() / 100;
      });
  if (!s.ok()) return s;
  s = registry.Register(
      {"gas.sanctions_decided", "Opgelegde GAS-sancties", "Sanctions SAC infligées"},
      [g](Period p) { return g->SanctionsDecided(p.from, p.to); });
  if (!s.ok()) return s;
  return registry.Register(
      {"gas.reviews_done", "Gecontroleerde camerabeelden", "Images de caméra contrôlées"},
      [g](Period p) { return g->ReviewsDone(p.from, p.to); });
}

}  // namespace hh
