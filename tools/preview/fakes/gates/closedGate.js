// A platform feature gate that is off. lightning-base-components' npm stubs open every gate; a few gated code
// paths need native shadow DOM (attachInternals), which Lightning Experience's synthetic shadow does not offer.
export default { isOpen: () => false };
